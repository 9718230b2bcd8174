using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Tests.Support;

public static class ParsedAssert
{
    public static T Valid<T>(Parsed<T> parsed)
    {
        Assert.True(parsed.IsValid, parsed.IsValid ? "" : $"expected valid, got {parsed.Problem.Field}: {parsed.Problem.Text}");
        return parsed.Value;
    }

    public static Problem Invalid<T>(Parsed<T> parsed, string field, TextId text)
    {
        Assert.False(parsed.IsValid, "expected a problem, got a valid value");
        Assert.Equal(field, parsed.Problem.Field);
        Assert.Equal(text, parsed.Problem.Text);
        Assert.Throws<DomainException>(() => parsed.Value);
        return parsed.Problem;
    }
}
