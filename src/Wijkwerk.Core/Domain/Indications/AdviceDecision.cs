using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Indications;

/// <summary>
/// The consultant's decision. Granted repeats the advised provision; adjusted holds the provision as
/// decided (what changed is its difference from the advice) and why; rejected holds no provision, only why.
/// </summary>
public sealed record AdviceDecision(Provision? Decided, string Reason, DateTimeOffset At, Id<Worker> By);

/// <summary>An extension of the decision term (Awb 4:14), told to the client with a reason.</summary>
public sealed record DecisionExtension(DateOnly Until, string Reason);
