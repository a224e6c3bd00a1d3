using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorValuesStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_indicator_values_indicator_imports_ImportId",
                table: "indicator_values");

            migrationBuilder.DropForeignKey(
                name: "FK_indicator_values_reporting_rounds_RoundId",
                table: "indicator_values");

            migrationBuilder.DropIndex(
                name: "IX_indicator_values_ImportId",
                table: "indicator_values");

            migrationBuilder.DropIndex(
                name: "IX_indicator_values_RoundId",
                table: "indicator_values");

            // An approved import is now the transition of the values it brought: the row it wrote for each of them goes
            // (the one of an earlier import, which the value no longer points to, stays).
            migrationBuilder.Sql("""
                DELETE FROM "indicator_value_transitions" AS t
                WHERE t."Reason" = 'Imported by the secretariat' AND t."From" = 'Draft' AND t."To" = 'Approved' AND t."PersonId" IS NULL
                  AND EXISTS (SELECT 1 FROM "indicator_values" v JOIN "indicator_imports" i ON i."Id" = v."ImportId"
                              WHERE v."Id" = t."ValueId" AND i."Status" = 'Approved' AND i."AtUtc" = t."AtUtc")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO "indicator_value_transitions" ("ValueId", "From", "To", "PersonId", "AtUtc", "Reason")
                SELECT v."Id", 'Draft', 'Approved', NULL, i."AtUtc", 'Imported by the secretariat'
                FROM "indicator_values" v JOIN "indicator_imports" i ON i."Id" = v."ImportId" WHERE i."Status" = 'Approved'
                """);

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_ImportId",
                table: "indicator_values",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_RoundId",
                table: "indicator_values",
                column: "RoundId");

            migrationBuilder.AddForeignKey(
                name: "FK_indicator_values_indicator_imports_ImportId",
                table: "indicator_values",
                column: "ImportId",
                principalTable: "indicator_imports",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_indicator_values_reporting_rounds_RoundId",
                table: "indicator_values",
                column: "RoundId",
                principalTable: "reporting_rounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
