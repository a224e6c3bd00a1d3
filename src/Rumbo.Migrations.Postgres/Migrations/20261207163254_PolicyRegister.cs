using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PolicyRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaId = table.Column<int>(type: "integer", nullable: false),
                    CountryId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Territory = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Instrument = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    InstitutionName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    StartYear = table.Column<int>(type: "integer", nullable: true),
                    EndYear = table.Column<int>(type: "integer", nullable: true),
                    BudgetAmount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    BudgetCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: true),
                    Links = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Review = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedByPersonId = table.Column<int>(type: "integer", nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Outcomes_En = table.Column<string>(type: "text", nullable: true),
                    Outcomes_Es = table.Column<string>(type: "text", nullable: true),
                    Outcomes_Fr = table.Column<string>(type: "text", nullable: true),
                    Outcomes_Official = table.Column<string>(type: "text", nullable: true),
                    Outcomes_Pt = table.Column<string>(type: "text", nullable: true),
                    Outcomes_Source = table.Column<string>(type: "text", nullable: false),
                    Progress_En = table.Column<string>(type: "text", nullable: true),
                    Progress_Es = table.Column<string>(type: "text", nullable: true),
                    Progress_Fr = table.Column<string>(type: "text", nullable: true),
                    Progress_Official = table.Column<string>(type: "text", nullable: true),
                    Progress_Pt = table.Column<string>(type: "text", nullable: true),
                    Progress_Source = table.Column<string>(type: "text", nullable: false),
                    Summary_En = table.Column<string>(type: "text", nullable: true),
                    Summary_Es = table.Column<string>(type: "text", nullable: true),
                    Summary_Fr = table.Column<string>(type: "text", nullable: true),
                    Summary_Official = table.Column<string>(type: "text", nullable: true),
                    Summary_Pt = table.Column<string>(type: "text", nullable: true),
                    Summary_Source = table.Column<string>(type: "text", nullable: false),
                    Title_En = table.Column<string>(type: "text", nullable: true),
                    Title_Es = table.Column<string>(type: "text", nullable: true),
                    Title_Fr = table.Column<string>(type: "text", nullable: true),
                    Title_Official = table.Column<string>(type: "text", nullable: true),
                    Title_Pt = table.Column<string>(type: "text", nullable: true),
                    Title_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policies_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policies_institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_policies_people_ReviewedByPersonId",
                        column: x => x.ReviewedByPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "policy_lines",
                columns: table => new
                {
                    PolicyId = table.Column<int>(type: "integer", nullable: false),
                    LineOfActionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_lines", x => new { x.PolicyId, x.LineOfActionId });
                    table.ForeignKey(
                        name: "FK_policy_lines_lines_of_action_LineOfActionId",
                        column: x => x.LineOfActionId,
                        principalTable: "lines_of_action",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policy_lines_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policy_sdg_targets",
                columns: table => new
                {
                    PolicyId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_sdg_targets", x => new { x.PolicyId, x.Code });
                    table.ForeignKey(
                        name: "FK_policy_sdg_targets_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policy_status_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PolicyId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByPersonId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_status_changes_people_ByPersonId",
                        column: x => x.ByPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_policy_status_changes_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_policies_AgendaId_CountryId",
                table: "policies",
                columns: new[] { "AgendaId", "CountryId" });

            migrationBuilder.CreateIndex(
                name: "IX_policies_CountryId",
                table: "policies",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_InstitutionId",
                table: "policies",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_ReviewedByPersonId",
                table: "policies",
                column: "ReviewedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_lines_LineOfActionId",
                table: "policy_lines",
                column: "LineOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_status_changes_ByPersonId",
                table: "policy_status_changes",
                column: "ByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_status_changes_PolicyId",
                table: "policy_status_changes",
                column: "PolicyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policy_lines");

            migrationBuilder.DropTable(
                name: "policy_sdg_targets");

            migrationBuilder.DropTable(
                name: "policy_status_changes");

            migrationBuilder.DropTable(
                name: "policies");
        }
    }
}
