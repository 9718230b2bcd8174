namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>One pull for the transfer log (NEN 7513): its device, worker and time, and each client it delivered rows of, with their count.</summary>
internal sealed record PullTransfer(string Device, string Worker, string At, IReadOnlyList<(string Client, int Count)> Delivered);
