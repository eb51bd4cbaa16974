namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>
/// The "Words we used" list: plain explanations of the forum's own words and of abbreviations people often use
/// in social care. The generator adds an entry for each one that the minutes contain; an abbreviation that is
/// not here is left for the facilitator to explain (the checker names it).
/// </summary>
public static class Glossary
{
    /// <summary>Forum words, each explained in 1 short sentence.</summary>
    public static IReadOnlyDictionary<string, string> Terms { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Minutes"] = "notes that say what happened at a meeting.",
        ["Agenda"] = "the list of things we talk about at the meeting.",
        ["Member"] = "a person who uses the service and can vote.",
        ["Supporter"] = "a person who helps a member to take part.",
        ["Listener"] = "a manager or trustee who listens and answers when asked.",
        ["Secret vote"] = "nobody can see who voted for what.",
        ["Action"] = "a job that a person said they will do.",
    };

    /// <summary>Abbreviations: the explanation starts with what the letters stand for.</summary>
    public static IReadOnlyDictionary<string, string> Abbreviations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NHS"] = "the National Health Service, which gives free health care.",
        ["UK"] = "the United Kingdom: England, Scotland, Wales and Northern Ireland.",
        ["GP"] = "General Practitioner, your local doctor.",
        ["CQC"] = "the Care Quality Commission, who check that care is good and safe.",
        ["PA"] = "Personal Assistant, a person paid to support you.",
        ["OT"] = "Occupational Therapist, who helps you do everyday things.",
        ["MP"] = "Member of Parliament, who speaks for your area in government.",
        ["DBS"] = "the Disclosure and Barring Service, who check people who work with you.",
        ["TV"] = "television.",
        ["OK"] = "all right.",
        ["ID"] = "identity, a card or paper that shows who you are.",
        ["IT"] = "information technology, which means computers and phones.",
        ["LD"] = "learning disability.",
        ["SEN"] = "special educational needs.",
        ["PIP"] = "Personal Independence Payment, money to help with extra costs.",
        ["ESA"] = "Employment and Support Allowance, money if you cannot work.",
    };

    public static bool Knows(string abbreviation) => Abbreviations.ContainsKey(abbreviation);
}
