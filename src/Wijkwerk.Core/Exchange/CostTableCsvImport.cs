using System.Globalization;
using CsvHelper;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Exchange;

/// <summary>
/// Reads the municipality's cost table of regular routes. Every line is checked before anything is stored, so a
/// file becomes a new table version whole or not at all, and every bad line is named with its column.
/// Columns (README): routecode, naam, bedrag_centen, per (keer | maand | jaar), geldig_vanaf (jjjj-mm-dd or dd-mm-jjjj), bron.
/// </summary>
public static class CostTableCsvImport
{
    public static readonly IReadOnlyList<string> Header = ["routecode", "naam", "bedrag_centen", "per", "geldig_vanaf", "bron"];

    private static readonly Dictionary<string, CostPeriod> Periods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["keer"] = CostPeriod.PerOccurrence,
        ["maand"] = CostPeriod.PerMonth,
        ["jaar"] = CostPeriod.PerYear,
    };

    public sealed record Result(IReadOnlyList<CostEntry> Entries, IReadOnlyList<ImportProblem> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    /// <summary>The word the file uses for a period, for <c>costs list</c> to print what an import reads back.</summary>
    public static string PeriodWord(CostPeriod period) => Periods.First(p => p.Value == period).Key;

    public static Result Read(TextReader text, Lang lang)
    {
        var problems = new List<ImportProblem>();
        var entries = new List<CostEntry>();
        var seen = new Dictionary<(string Code, DateOnly From), long>();

        // The separator is detected: Dutch spreadsheets save CSV with semicolons.
        using var csv = CsvReader.Create(text, new CsvReaderOptions { TrackLineNumbers = true, HasHeader = true, TrimWhitespace = true });
        if (!HeaderMatches(csv))
            return new Result([], [new ImportProblem(1, "", Texts.Format(TextId.ImportHeader, lang, string.Join(',', Header)))]);

        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (csv.FieldCount != Header.Count)
            {
                problems.Add(new ImportProblem(line, "", Texts.Format(TextId.ImportColumnCount, lang, Header.Count, csv.FieldCount)));
                continue;
            }

            var lineProblems = new List<Problem>();
            var code = csv.GetString(0) ?? "";
            var name = csv.GetString(1) ?? "";
            var amount = ParseCents(csv.GetString(2), lineProblems);
            var period = ParsePeriod(csv.GetString(3), lineProblems);
            var from = DateText.Parse(csv.GetString(4), "geldig_vanaf");
            if (!from.IsValid)
                lineProblems.Add(from.Problem);
            var source = csv.GetString(5) ?? "";
            if (source.Trim().Length == 0)
                lineProblems.Add(new Problem("bron", TextId.FieldRequired));
            // The entry's own checks too, for the columns not already named: every problem of the line in one go.
            var entry = new CostEntry(code, name, amount, period, from.IsValid ? from.Value : DateOnly.MinValue, source);
            lineProblems.AddRange(entry.Check().Select(p => p with { Field = ColumnOf(p.Field) }).Where(p => lineProblems.All(named => named.Field != p.Field)));
            if (lineProblems.Count == 0 && seen.TryGetValue((code.ToLowerInvariant(), entry.ValidFrom), out var first))
            {
                lineProblems.Add(new Problem("routecode", TextId.CostDuplicateRoute, code, first));
            }
            else if (lineProblems.Count == 0)
            {
                seen[(code.ToLowerInvariant(), entry.ValidFrom)] = line;
                entries.Add(entry);
            }

            problems.AddRange(lineProblems.Select(p => new ImportProblem(line, p.Field, p.Describe(lang))));
        }

        if (entries.Count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(2, "", Texts.Get(TextId.CostImportEmpty, lang)));
        return new Result(problems.Count == 0 ? entries : [], problems);
    }

    private static Money ParseCents(string? text, List<Problem> problems)
    {
        if (long.TryParse((text ?? "").Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cents) && cents >= 0)
            return new Money(cents);
        problems.Add(new Problem("bedrag_centen", TextId.CostCentsShape, (text ?? "").Trim()));
        return Money.Zero;
    }

    private static CostPeriod ParsePeriod(string? text, List<Problem> problems)
    {
        if (Periods.TryGetValue((text ?? "").Trim(), out var period))
            return period;
        problems.Add(new Problem("per", TextId.CostPeriodUnknown, (text ?? "").Trim()));
        return default;
    }

    // The entry's own checks name fields in Dutch words; in a file the person looks for the column.
    private static string ColumnOf(string field) => field switch
    {
        "bedrag" => "bedrag_centen",
        _ => field,
    };

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
}
