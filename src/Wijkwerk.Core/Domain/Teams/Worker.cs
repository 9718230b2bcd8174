using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Teams;

/// <summary>A professional who uses Wijkwerk. Belongs to one or more teams.</summary>
public sealed record Worker(Id<Worker> Id, string Name, Role Role, IReadOnlyList<Id<Team>> Teams);

/// <summary>A neighbourhood team serving one district (wijk).</summary>
public sealed record Team(Id<Team> Id, string Name, string District);
