using System.Globalization;
using System.Text;
using CsvHelper;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Exchange;

/// <summary>
/// Reads a client list exported from another system. Checks every line before anything is stored,
/// so a file is imported whole or not at all and every bad line is reported in one go.
/// </summary>
public static class ClientCsvImport
{
    public static readonly IReadOnlyList<string> Header = ["voornaam", "achternaam", "geboortedatum", "postcode", "huisnummer", "toevoeging", "telefoon", "bsn"];

    /// <summary>A valid client and the line of the file it came from.</summary>
    public sealed record Line(long Number, Client Client);

    public sealed record Result(IReadOnlyList<Line> Lines, IReadOnlyList<ImportProblem> Problems)
    {
        public bool IsValid => Problems.Count == 0;

        public IReadOnlyList<Client> Clients => Lines.Select(l => l.Client).ToList();
    }

    /// <summary>Checks the whole file on its own; clients already in a store are compared by <see cref="DuplicatesOf"/>.</summary>
    public static Result Read(TextReader text, TimeProvider clock, Lang lang)
    {
        var today = AmsterdamTime.Today(clock);
        var problems = new List<ImportProblem>();
        var lines = new List<Line>();
        var seen = new Dictionary<string, long>();

        // The separator is detected: Dutch spreadsheets save CSV with semicolons.
        using var csv = CsvReader.Create(text, new CsvReaderOptions { TrackLineNumbers = true, HasHeader = true, TrimWhitespace = true });
        if (!HeaderMatches(csv))
        {
            problems.Add(new ImportProblem(1, "", Texts.Format(TextId.ImportHeader, lang, string.Join(',', Header))));
            return new Result([], problems);
        }

        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (csv.FieldCount != Header.Count)
            {
                problems.Add(new ImportProblem(line, "", Texts.Format(TextId.ImportColumnCount, lang, Header.Count, csv.FieldCount)));
                continue;
            }

            var input = new ClientInput(csv.GetString(0), csv.GetString(1), csv.GetString(2), csv.GetString(3), csv.GetString(4), csv.GetString(5), csv.GetString(6), csv.GetString(7));
            var (client, lineProblems) = input.Validate(Id<Client>.New(clock), today);
            problems.AddRange(lineProblems.Select(p => new ImportProblem(line, p.Field, p.Describe(lang))));
            if (client is null)
                continue;
            if (seen.TryGetValue(IdentityKey(client), out var firstLine))
            {
                problems.Add(new ImportProblem(line, "", Texts.Format(TextId.ImportDuplicateOfLine, lang, firstLine)));
                continue;
            }

            seen[IdentityKey(client)] = line;
            lines.Add(new Line(line, client));
        }

        if (lines.Count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(2, "", Texts.Get(TextId.ImportEmpty, lang)));
        return new Result(problems.Count == 0 ? lines : [], problems);
    }

    /// <summary>Lines naming a client the store already holds: importing a file twice must not double the caseload.</summary>
    public static IReadOnlyList<ImportProblem> DuplicatesOf(IEnumerable<Line> lines, IEnumerable<Client> existing, Lang lang)
    {
        var known = existing.Select(IdentityKey).ToHashSet();
        return lines.Where(l => known.Contains(IdentityKey(l.Client)))
            .Select(l => new ImportProblem(l.Number, "", Texts.Get(TextId.ImportDuplicateOfExisting, lang)))
            .ToList();
    }

    /// <summary>
    /// The file's text: UTF-8 when it is valid UTF-8, otherwise Windows-1252, which is what Excel on a
    /// Dutch Windows saves. Guessing UTF-8 for such a file would silently turn José into Jos�.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    private static bool HeaderMatches(CsvReader csv)
    {
        try
        {
            return csv.Headers is { } header && header.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(Header);
        }
        catch (Exception e) when (e is CsvFormatException or InvalidOperationException)
        {
            return false;
        }
    }

    // The same person twice: same name, birth date and address. Importing a file twice must not double the caseload.
    private static string IdentityKey(Client c) =>
        string.Join('|', c.Name.FirstName.ToLowerInvariant(), c.Name.Prefix.ToLowerInvariant(), c.Name.Surname.ToLowerInvariant(), DateText.Iso(c.BirthDate), c.Address.Postcode, c.Address.HouseNumberText);
}
