using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorValueReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_reads",
                table: "indicator_values",
                columns: new[] { "IndicatorVersionId", "Status", "CountryId", "Breakdown", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_indicator_values_reads",
                table: "indicator_values");
        }
    }
}
