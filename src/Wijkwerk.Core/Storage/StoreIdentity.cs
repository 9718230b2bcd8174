using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Storage;

/// <summary>Who works with this store, on which device. Every audit event and change carries it.</summary>
public sealed record StoreIdentity(Id<Worker> WorkerId, string WorkerName, Role Role, Guid DeviceId);
