using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_indicator_values_documents_EvidenceDocumentId",
                table: "indicator_values");

            migrationBuilder.DropIndex(
                name: "IX_indicator_values_EvidenceDocumentId",
                table: "indicator_values");

            migrationBuilder.DropIndex(
                name: "IX_indicator_values_IndicatorVersionId_CountryId_Breakdown_Year",
                table: "indicator_values");

            migrationBuilder.DropIndex(
                name: "IX_indicator_values_reads",
                table: "indicator_values");

            migrationBuilder.RenameColumn(
                name: "EvidenceDocumentId",
                table: "indicator_values",
                newName: "EvidenceFileId");

            migrationBuilder.CreateTable(
                name: "indicator_evidence_files",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Extension = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByPersonId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_evidence_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicator_evidence_files_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicator_evidence_files_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicator_evidence_files_people_UploadedByPersonId",
                        column: x => x.UploadedByPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_EvidenceFileId",
                table: "indicator_values",
                column: "EvidenceFileId",
                filter: "\"EvidenceFileId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_IndicatorVersionId_CountryId_Breakdown_Year",
                table: "indicator_values",
                columns: new[] { "IndicatorVersionId", "CountryId", "Breakdown", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicator_evidence_files_AgendaId_CountryId",
                table: "indicator_evidence_files",
                columns: new[] { "AgendaId", "CountryId" });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_evidence_files_CountryId",
                table: "indicator_evidence_files",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_evidence_files_UploadedByPersonId",
                table: "indicator_evidence_files",
                column: "UploadedByPersonId");

            // The documents' column was never written; a value that pointed to a document must not point to a file.
            migrationBuilder.Sql("UPDATE \"indicator_values\" SET \"EvidenceFileId\" = NULL WHERE \"EvidenceFileId\" IS NOT NULL;");

            migrationBuilder.AddForeignKey(
                name: "FK_indicator_values_indicator_evidence_files_EvidenceFileId",
                table: "indicator_values",
                column: "EvidenceFileId",
                principalTable: "indicator_evidence_files",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_indicator_values_indicator_evidence_files_EvidenceFileId",
                table: "indicator_values");

            migrationBuilder.DropTable(
                name: "indicator_evidence_files");

            migrationBuilder.DropIndex(
                name: "IX_indicator_values_EvidenceFileId",
                table: "indicator_values");

            migrationBuilder.DropIndex(
                name: "IX_indicator_values_IndicatorVersionId_CountryId_Breakdown_Year",
                table: "indicator_values");

            migrationBuilder.RenameColumn(
                name: "EvidenceFileId",
                table: "indicator_values",
                newName: "EvidenceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_EvidenceDocumentId",
                table: "indicator_values",
                column: "EvidenceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_IndicatorVersionId_CountryId_Breakdown_Year",
                table: "indicator_values",
                columns: new[] { "IndicatorVersionId", "CountryId", "Breakdown", "Year" },
                unique: true,
                filter: "\"CountryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_reads",
                table: "indicator_values",
                columns: new[] { "IndicatorVersionId", "Status", "CountryId", "Breakdown", "Year" });

            // A value's evidence file is not a document: no value may point to one by a number that meant a file.
            migrationBuilder.Sql("UPDATE \"indicator_values\" SET \"EvidenceDocumentId\" = NULL WHERE \"EvidenceDocumentId\" IS NOT NULL;");

            migrationBuilder.AddForeignKey(
                name: "FK_indicator_values_documents_EvidenceDocumentId",
                table: "indicator_values",
                column: "EvidenceDocumentId",
                principalTable: "documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
