using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Tests.Support;

/// <summary>Rows as a sync writes them into a laptop's store: the server's values, unchecked.</summary>
public static class ServerRows
{
    /// <summary>
    /// One row pulled at feed position <paramref name="anchor"/> (by default one past what the store has seen),
    /// as row <paramref name="version"/>, changed by <paramref name="author"/> (by default the test nurse).
    /// </summary>
    public static void Receive(TempStore temp, string table, Guid id, IReadOnlyDictionary<string, string?> columns, Guid? author = null, long version = 1, long? anchor = null)
    {
        var sync = new LocalSync(temp.Store);
        var at = anchor ?? sync.Settings().Anchor + 1;
        sync.Apply(new PullResponse([new RowChange(at, table, id, version, false, false, AdviceStates.StepTime, author ?? AdviceSamples.Nurse.Id.Value, columns)], at, false, 1, 0));
    }

    /// <summary>The advice as the server sends it: its own columns in the advice table.</summary>
    public static void Receive(TempStore temp, IndicationAdvice advice, Guid? author = null, long version = 1, long? anchor = null) =>
        Receive(temp, AdviceColumns.AdviceTable, advice.Id.Value, AdviceColumns.ToColumns(advice), author, version, anchor);
}
