namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    private static IEnumerable<Write> RecordWrites() => [];
}
