using System.Globalization;
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

    public sealed record Result(IReadOnlyList<Client> Clients, IReadOnlyList<ImportProblem> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    public static Result Read(TextReader text, IReadOnlyCollection<Client> existing, TimeProvider clock, Lang lang)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var problems = new List<ImportProblem>();
        var clients = new List<Client>();
        var seen = existing.ToDictionary(IdentityKey, _ => 0L);

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
                problems.Add(new ImportProblem(line, "", firstLine == 0
                    ? Texts.Get(TextId.ImportDuplicateOfExisting, lang)
                    : Texts.Format(TextId.ImportDuplicateOfLine, lang, firstLine)));
                continue;
            }

            seen[IdentityKey(client)] = line;
            clients.Add(client);
        }

        if (clients.Count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(2, "", Texts.Get(TextId.ImportEmpty, lang)));
        return new Result(problems.Count == 0 ? clients : [], problems);
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
