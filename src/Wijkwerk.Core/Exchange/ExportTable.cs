using System.Text.Json;
using CsvHelper;

namespace Wijkwerk.Core.Exchange;

public enum ExportFormat
{
    Csv,
    Json,
}

/// <summary>
/// Rows with named columns, the first always the record's id; written as CSV or as JSON objects.
/// Knows which table it came from and which clients it holds, for the audit log once it is delivered.
/// </summary>
public sealed record ExportTable(string Table, IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows, IReadOnlyList<Guid> ClientIds)
{
    public void Write(TextWriter output, ExportFormat format)
    {
        if (format == ExportFormat.Json)
            WriteJson(output);
        else
            WriteCsv(output);
    }

    private void WriteCsv(TextWriter output)
    {
        // Injection escaping: a cell starting with = or + must not become a formula when opened in a spreadsheet.
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteRecord(Columns.ToArray());
        foreach (var row in Rows)
            csv.WriteRecord(row.Select(v => v ?? "").ToArray());
        csv.Flush();
    }

    private void WriteJson(TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Count; i++)
                {
                    if (row[i] is { } value)
                        json.WriteString(Columns[i], value);
                    else
                        json.WriteNull(Columns[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }
}
