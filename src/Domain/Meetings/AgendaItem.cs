namespace ForumHub.Domain.Meetings;

public sealed class AgendaItem
{
    private readonly List<Note> _notes = [];

    internal AgendaItem(Guid id, string title, string? picture, Guid proposedById, Guid enteredById, Guid? fromAnswerId)
    {
        Id = id;
        Title = title;
        Picture = picture;
        ProposedById = proposedById;
        EnteredById = enteredById;
        FromAnswerId = fromAnswerId;
    }

    public Guid Id { get; }
    public string Title { get; }
    public string? Picture { get; }
    public Guid ProposedById { get; }
    public Guid EnteredById { get; }
    public Guid? FromAnswerId { get; }
    public ItemStatus Status { get; internal set; } = ItemStatus.Proposed;
    /// <summary>Position on the agreed agenda (1-based); null while only proposed.</summary>
    public int? Position { get; internal set; }
    public IReadOnlyList<Note> Notes => _notes;

    internal void AddNote(Note note) => _notes.Add(note);

    public bool IsOnAgenda => Status is ItemStatus.Agreed or ItemStatus.Current or ItemStatus.Done or ItemStatus.CarriedForward;
}

public sealed record Note(Guid Id, string Text);
