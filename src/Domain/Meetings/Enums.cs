namespace ForumHub.Domain.Meetings;

/// <summary>Phases only move forward; Closed can be reached from any phase.</summary>
public enum Phase { Gathering, Agenda, Items, Closed }

public enum Role { Member, Facilitator, Supporter, Listener, Screen }

/// <summary>The two questions every meeting starts with.</summary>
public enum Question { WhyAreYouHere, WhatDoYouWantToDo }

public enum ItemStatus { Proposed, Agreed, Current, Done, CarriedForward }

public enum PollStatus { Open, Closed }

/// <summary>Devices: each member casts a ballot. HandCount: the facilitator enters the counts seen in the room.</summary>
public enum PollMode { Devices, HandCount }

/// <summary>Camden "Steps of Participation", from most to least power shared.</summary>
public enum ParticipationLevel { CoProduction, CoDesign, Engagement, Consultation, Informing, Educating, Persuasion }

public enum CardKind { Stop, SlowDown, Question, Break }

public enum ActionStatus { Open, Done, Dropped }

/// <summary>
/// A job a member does in the meeting, given by the facilitator (issue 14): one person holds each role at a time, and a
/// person may hold several. Members grow skills such as chairing this way, and their forum record counts them.
/// </summary>
public enum MeetingRole { Chair, Timekeeper, NoteTaker, Welcome }
