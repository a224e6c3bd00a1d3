using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PageReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_agreements_GroupId",
                table: "agreements");

            migrationBuilder.CreateIndex(
                name: "IX_record_outcomes_Kind_DueDate",
                table: "record_outcomes",
                columns: new[] { "Kind", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_agreements_GroupId_AdoptedOn",
                table: "agreements",
                columns: new[] { "GroupId", "AdoptedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_record_outcomes_Kind_DueDate",
                table: "record_outcomes");

            migrationBuilder.DropIndex(
                name: "IX_agreements_GroupId_AdoptedOn",
                table: "agreements");

            migrationBuilder.CreateIndex(
                name: "IX_agreements_GroupId",
                table: "agreements",
                column: "GroupId");
        }
    }
}
