using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using static Wijkwerk.Core.Domain.Common.TextChecks;

namespace Wijkwerk.Core.Domain.Escalations;

/// <summary>The escalation's rules, the same on the laptop and the server.</summary>
public static class EscalationRules
{
    /// <summary>
    /// Every problem with a new escalation: all parts said, a follow-up date after today, and a level one above the
    /// client's highest open escalation (the case team first), so no step is skipped.
    /// </summary>
    public static IReadOnlyList<Problem> CheckNew(Escalation escalation, IEnumerable<Escalation> clientsEscalations, DateOnly today)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(escalation.Level))
            problems.Add(new Problem("niveau", TextId.FieldRequired));
        else if (NextLevel(clientsEscalations) is not { } next)
            problems.Add(new Problem("niveau", TextId.EscalationAtTop));
        else if (escalation.Level != next)
            problems.Add(new Problem("niveau", TextId.EscalationSkipsALevel, EnumTexts.Name(next, Lang.Nl)));
        Required(problems, "reden", escalation.Reason, Escalation.MaxTextLength);
        Required(problems, "wat is geprobeerd", escalation.Tried, Escalation.MaxTextLength);
        Required(problems, "partijen", escalation.Parties, Escalation.MaxShortLength);
        Required(problems, "knelpunt", escalation.BottleneckTag, Escalation.MaxShortLength);
        if (escalation.RaisedOn > today)
            problems.Add(new Problem("datum", TextId.DateInFuture));
        if (escalation.FollowUpOn <= today)
            problems.Add(new Problem("opvolgdatum", TextId.EscalationFollowUpNotAhead));
        return problems;
    }

    /// <summary>Closing: only an open escalation, and with its outcome.</summary>
    public static IReadOnlyList<Problem> CheckClose(Escalation escalation, string outcome)
    {
        var problems = new List<Problem>();
        if (!escalation.IsOpen)
            problems.Add(new Problem("escalatie", TextId.EscalationAlreadyClosed, DateText.Show(escalation.ClosedOn!.Value)));
        Required(problems, "uitkomst", outcome, Escalation.MaxTextLength);
        return problems;
    }

    /// <summary>The level a new escalation of this client takes: one above its highest open one; null at the top.</summary>
    public static EscalationLevel? NextLevel(IEnumerable<Escalation> clientsEscalations)
    {
        var highest = clientsEscalations.Where(e => e.IsOpen).Select(e => (int)e.Level).DefaultIfEmpty(0).Max();
        return Enum.IsDefined((EscalationLevel)(highest + 1)) ? (EscalationLevel)(highest + 1) : null;
    }
}
