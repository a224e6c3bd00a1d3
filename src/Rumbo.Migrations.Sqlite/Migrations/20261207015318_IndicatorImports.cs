using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ImportId",
                table: "indicator_values",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "indicator_imports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Saved = table.Column<int>(type: "INTEGER", nullable: false),
                    Countries = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_imports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_ImportId",
                table: "indicator_values",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_imports_AgendaId",
                table: "indicator_imports",
                column: "AgendaId");

            migrationBuilder.AddForeignKey(
                name: "FK_indicator_values_indicator_imports_ImportId",
                table: "indicator_values",
                column: "ImportId",
                principalTable: "indicator_imports",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_indicator_values_indicator_imports_ImportId",
                table: "indicator_values");

            migrationBuilder.DropTable(
                name: "indicator_imports");

            migrationBuilder.DropIndex(
                name: "IX_indicator_values_ImportId",
                table: "indicator_values");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "indicator_values");
        }
    }
}
