using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaId = table.Column<int>(type: "integer", nullable: false),
                    ObjectiveId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicators_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicators_strategic_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "strategic_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reporting_rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaId = table.Column<int>(type: "integer", nullable: false),
                    FirstYear = table.Column<int>(type: "integer", nullable: false),
                    LastYear = table.Column<int>(type: "integer", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title_En = table.Column<string>(type: "text", nullable: true),
                    Title_Es = table.Column<string>(type: "text", nullable: true),
                    Title_Fr = table.Column<string>(type: "text", nullable: true),
                    Title_Pt = table.Column<string>(type: "text", nullable: true),
                    Title_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reporting_rounds_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_lines",
                columns: table => new
                {
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    LineOfActionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_lines", x => new { x.IndicatorId, x.LineOfActionId });
                    table.ForeignKey(
                        name: "FK_indicator_lines_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_indicator_lines_lines_of_action_LineOfActionId",
                        column: x => x.LineOfActionId,
                        principalTable: "lines_of_action",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_sdg_targets",
                columns: table => new
                {
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_sdg_targets", x => new { x.IndicatorId, x.Code });
                    table.ForeignKey(
                        name: "FK_indicator_sdg_targets_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    CountryId = table.Column<int>(type: "integer", nullable: true),
                    BaselineYear = table.Column<int>(type: "integer", nullable: false),
                    BaselineValue = table.Column<double>(type: "double precision", nullable: true),
                    TargetYear = table.Column<int>(type: "integer", nullable: false),
                    TargetValue = table.Column<double>(type: "double precision", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicator_targets_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicator_targets_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Decimals = table.Column<int>(type: "integer", nullable: false),
                    Minimum = table.Column<double>(type: "double precision", nullable: true),
                    Maximum = table.Column<double>(type: "double precision", nullable: true),
                    Periodicity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Dimensions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResponsibleGroupId = table.Column<int>(type: "integer", nullable: true),
                    ChangeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Definition_En = table.Column<string>(type: "text", nullable: true),
                    Definition_Es = table.Column<string>(type: "text", nullable: true),
                    Definition_Fr = table.Column<string>(type: "text", nullable: true),
                    Definition_Pt = table.Column<string>(type: "text", nullable: true),
                    Definition_Source = table.Column<string>(type: "text", nullable: false),
                    Method_En = table.Column<string>(type: "text", nullable: true),
                    Method_Es = table.Column<string>(type: "text", nullable: true),
                    Method_Fr = table.Column<string>(type: "text", nullable: true),
                    Method_Pt = table.Column<string>(type: "text", nullable: true),
                    Method_Source = table.Column<string>(type: "text", nullable: false),
                    Source_En = table.Column<string>(type: "text", nullable: true),
                    Source_Es = table.Column<string>(type: "text", nullable: true),
                    Source_Fr = table.Column<string>(type: "text", nullable: true),
                    Source_Pt = table.Column<string>(type: "text", nullable: true),
                    Source_Source = table.Column<string>(type: "text", nullable: false),
                    Title_En = table.Column<string>(type: "text", nullable: true),
                    Title_Es = table.Column<string>(type: "text", nullable: true),
                    Title_Fr = table.Column<string>(type: "text", nullable: true),
                    Title_Pt = table.Column<string>(type: "text", nullable: true),
                    Title_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicator_versions_groups_ResponsibleGroupId",
                        column: x => x.ResponsibleGroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_indicator_versions_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_target_milestones",
                columns: table => new
                {
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_target_milestones", x => new { x.TargetId, x.Year });
                    table.ForeignKey(
                        name: "FK_indicator_target_milestones_indicator_targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "indicator_targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorVersionId = table.Column<int>(type: "integer", nullable: false),
                    CountryId = table.Column<int>(type: "integer", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Breakdown = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EvidenceUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceDocumentId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Locked = table.Column<bool>(type: "boolean", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicator_values_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicator_values_documents_EvidenceDocumentId",
                        column: x => x.EvidenceDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_indicator_values_indicator_versions_IndicatorVersionId",
                        column: x => x.IndicatorVersionId,
                        principalTable: "indicator_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicator_values_reporting_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "reporting_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "indicator_value_transitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ValueId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_value_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicator_value_transitions_indicator_values_ValueId",
                        column: x => x.ValueId,
                        principalTable: "indicator_values",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_indicator_value_transitions_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_lines_LineOfActionId",
                table: "indicator_lines",
                column: "LineOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_targets_CountryId",
                table: "indicator_targets",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_targets_IndicatorId_CountryId",
                table: "indicator_targets",
                columns: new[] { "IndicatorId", "CountryId" },
                unique: true,
                filter: "\"CountryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_targets_regional",
                table: "indicator_targets",
                column: "IndicatorId",
                unique: true,
                filter: "\"CountryId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_value_transitions_PersonId",
                table: "indicator_value_transitions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_value_transitions_ValueId",
                table: "indicator_value_transitions",
                column: "ValueId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_CountryId_Status",
                table: "indicator_values",
                columns: new[] { "CountryId", "Status" });

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
                name: "IX_indicator_values_regional",
                table: "indicator_values",
                columns: new[] { "IndicatorVersionId", "Breakdown", "Year" },
                unique: true,
                filter: "\"CountryId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_RoundId",
                table: "indicator_values",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_versions_IndicatorId_Number",
                table: "indicator_versions",
                columns: new[] { "IndicatorId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicator_versions_ResponsibleGroupId",
                table: "indicator_versions",
                column: "ResponsibleGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_indicators_AgendaId_Code",
                table: "indicators",
                columns: new[] { "AgendaId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicators_ObjectiveId",
                table: "indicators",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_rounds_AgendaId",
                table: "reporting_rounds",
                column: "AgendaId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_lines");

            migrationBuilder.DropTable(
                name: "indicator_sdg_targets");

            migrationBuilder.DropTable(
                name: "indicator_target_milestones");

            migrationBuilder.DropTable(
                name: "indicator_value_transitions");

            migrationBuilder.DropTable(
                name: "indicator_targets");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "indicator_versions");

            migrationBuilder.DropTable(
                name: "reporting_rounds");

            migrationBuilder.DropTable(
                name: "indicators");
        }
    }
}
