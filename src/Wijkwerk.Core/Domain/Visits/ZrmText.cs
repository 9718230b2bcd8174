using System.Text.Json;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Domain.Visits;

/// <summary>ZRM scores as one text, with their edition: how a home visit and an advice's snapshot store them.</summary>
public static class ZrmText
{
    internal sealed record ZrmJson(string Version, Dictionary<string, int> Scores);

    public static string Write(ZrmAssessment? zrm) =>
        zrm is null ? "" : JsonSerializer.Serialize(new ZrmJson(zrm.Version.Code, zrm.Scores.ToDictionary(s => s.Key.ToString(), s => (int)s.Value)), LocalJson.Default.ZrmJson);

    /// <summary>Null for an empty text; throws <see cref="FormatException"/> for a text that is not scores of a known edition.</summary>
    public static ZrmAssessment? Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        ZrmJson? json;
        try
        {
            json = JsonSerializer.Deserialize(text, LocalJson.Default.ZrmJson);
        }
        catch (JsonException e)
        {
            throw new FormatException("ZRM scores are not valid JSON.", e);
        }

        if (json?.Version is null || json.Scores is null || ZrmVersion.Find(json.Version) is not { } version)
            throw new FormatException("Unknown ZRM edition.");
        var scores = new Dictionary<ZrmDomain, int>();
        foreach (var (domain, score) in json.Scores)
        {
            if (!Enum.TryParse<ZrmDomain>(domain, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(domain, out _))
                throw new FormatException("Unknown ZRM domain.");
            scores[parsed] = score;
        }

        var assessment = ZrmAssessment.Create(version, scores);
        return assessment.IsValid ? assessment.Value : throw new FormatException("ZRM score out of range.");
    }
}
