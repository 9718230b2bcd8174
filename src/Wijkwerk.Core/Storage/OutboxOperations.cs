namespace Wijkwerk.Core.Storage;

public static class OutboxOperations
{
    public const string Insert = "insert";
    public const string Update = "update";
    public const string Delete = "delete";
}
