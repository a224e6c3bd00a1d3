using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rumbo.Core.Data;

namespace Rumbo.Migrations.Postgres;

/// <summary>Used only by the dotnet-ef tool to build and diff the model for this provider.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RumboDbContext>
{
    public RumboDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<RumboDbContext>();
        RumboDatabase.Configure(builder, DatabaseProvider.Postgres, "Host=localhost;Database=rumbo_design");
        return new RumboDbContext(builder.Options);
    }
}
