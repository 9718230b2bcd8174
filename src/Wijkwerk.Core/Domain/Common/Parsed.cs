using Wijkwerk.Core.Localization;
using System.Diagnostics.CodeAnalysis;

namespace Wijkwerk.Core.Domain.Common;

/// <summary>The result of parsing what a person typed: a value, or the problem with it.</summary>
public readonly record struct Parsed<T>
{
    private readonly T? _value;

    private Parsed(T? value, Problem? problem)
    {
        _value = value;
        Problem = problem;
    }

    public Problem? Problem { get; }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Problem is null;

    public T Value => Problem is null ? _value! : throw new DomainException(Problem);

    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Fail(string field, TextId text, params object[] args) => new(default, new Problem(field, text, args));

    public static implicit operator Parsed<T>(Problem problem) => new(default, problem);
}
