using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rumbo.Core.Data;

namespace Rumbo.Migrations.Sqlite;

/// <summary>Used only by the dotnet-ef tool to build and diff the model for this provider.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RumboDbContext>
{
    public RumboDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<RumboDbContext>();
        RumboDatabase.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design.db");
        return new RumboDbContext(builder.Options);
    }
}
