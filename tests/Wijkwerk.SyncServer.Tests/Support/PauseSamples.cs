using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>Synthetic pauses, pause steps and escalations as a team member's laptop makes them, dated by the server's own day.</summary>
public static class PauseSamples
{
    public static DateOnly Today => AmsterdamTime.Today(TimeProvider.System);

    public static Pause Pause(Guid client, Guid worker, DateOnly endsOn) => new(
        new Id<Pause>(Guid.CreateVersion7()), new Id<Client>(client), "Stopzetten bijstandsuitkering", "Werk en Inkomen", "Handhaving (synthetisch)",
        "Cliënt verschijnt niet op afspraken; eerst uitzoeken waarom", Today, endsOn, new Id<Worker>(worker));

    public static PauseStep Lift(Pause pause, Guid worker, string reason = "Oorzaak bekend: angststoornis, begeleiding gestart") =>
        new(new Id<PauseStep>(Guid.CreateVersion7()), pause.Id, PauseStepKind.Lift, null, reason, Today, new Id<Worker>(worker), DateTimeOffset.UtcNow.AddSeconds(-5));

    public static PauseStep Extend(Pause pause, Guid worker, DateOnly newEnd, string reason = "Gesprek met de huisarts pas over drie weken") =>
        new(new Id<PauseStep>(Guid.CreateVersion7()), pause.Id, PauseStepKind.Extend, newEnd, reason, Today, new Id<Worker>(worker), DateTimeOffset.UtcNow.AddSeconds(-5));

    public static Escalation Escalation(Guid client, Guid worker, EscalationLevel level) => new(
        new Id<Escalation>(Guid.CreateVersion7()), new Id<Client>(client), level, "Toeslag stopgezet door spookbewoner op het adres",
        "Twee keer gebeld met de Belastingdienst; bezwaar ingediend", "Belastingdienst/Toeslagen, woningcorporatie", Today, Today.AddDays(14),
        new Id<Worker>(worker), "spookbewoning");
}
