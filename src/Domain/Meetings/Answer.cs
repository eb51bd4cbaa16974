namespace ForumHub.Domain.Meetings;

public sealed class Answer
{
    internal Answer(Guid id, Question question, Guid participantId, Guid enteredById, string text, string? picture)
    {
        Id = id;
        Question = question;
        ParticipantId = participantId;
        EnteredById = enteredById;
        Text = text;
        Picture = picture;
    }

    public Guid Id { get; }
    public Question Question { get; }
    public Guid ParticipantId { get; }
    /// <summary>Differs from ParticipantId when the answer was given "with support from" someone.</summary>
    public Guid EnteredById { get; }
    public string Text { get; }
    public string? Picture { get; }
    public Guid? PromotedToItemId { get; internal set; }
}
