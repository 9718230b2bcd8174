namespace Wijkwerk.SyncServer.Store.Postgres;


/// <summary>One pull for the transfer log: its device, worker and time, and its clients and their row counts, each list joined by commas.</summary>
internal sealed record TransferBatch(string Device, string Worker, string At, string Clients, string Counts);
