namespace Wijkwerk.Core.Exchange;

/// <summary>One thing wrong with an import file: where (line, column) and what, ready to show.</summary>
public sealed record ImportProblem(long Line, string Column, string Message);
