using System.Buffers.Binary;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// Looks at a store file's header before SQLite touches it, so a damaged file or one written by a
/// newer Wijkwerk is refused without a single byte being changed.
/// </summary>
internal static class StoreFile
{
    private const int HeaderLength = 100;
    private const int UserVersionOffset = 60;
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    public static void CheckHeader(string path)
    {
        var header = new byte[HeaderLength];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            read = file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (read < HeaderLength || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new StoreException(StoreProblem.Damaged, TextId.StoreDamaged, path);
        CheckSchemaVersion(BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(UserVersionOffset)), path);
    }

    public static void CheckSchemaVersion(long version, string path)
    {
        if (version > Migrations.Latest)
            throw new StoreException(StoreProblem.NewerSchema, TextId.StoreNewerSchema, path, version, Migrations.Latest);
        if (version < 0)
            throw new StoreException(StoreProblem.Damaged, TextId.StoreDamaged, path);
    }
}
