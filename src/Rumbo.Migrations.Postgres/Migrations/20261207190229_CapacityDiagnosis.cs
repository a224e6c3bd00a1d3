using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CapacityDiagnosis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "capacity_instruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IsProposal = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedByPersonId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Note_En = table.Column<string>(type: "text", nullable: true),
                    Note_Es = table.Column<string>(type: "text", nullable: true),
                    Note_Fr = table.Column<string>(type: "text", nullable: true),
                    Note_Official = table.Column<string>(type: "text", nullable: true),
                    Note_Pt = table.Column<string>(type: "text", nullable: true),
                    Note_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_instruments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_instruments_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "capacity_questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    AsksEvidence = table.Column<bool>(type: "boolean", nullable: false),
                    Guidance_En = table.Column<string>(type: "text", nullable: true),
                    Guidance_Es = table.Column<string>(type: "text", nullable: true),
                    Guidance_Fr = table.Column<string>(type: "text", nullable: true),
                    Guidance_Official = table.Column<string>(type: "text", nullable: true),
                    Guidance_Pt = table.Column<string>(type: "text", nullable: true),
                    Guidance_Source = table.Column<string>(type: "text", nullable: false),
                    Text_En = table.Column<string>(type: "text", nullable: true),
                    Text_Es = table.Column<string>(type: "text", nullable: true),
                    Text_Fr = table.Column<string>(type: "text", nullable: true),
                    Text_Official = table.Column<string>(type: "text", nullable: true),
                    Text_Pt = table.Column<string>(type: "text", nullable: true),
                    Text_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_questions_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_capacity_questions_capacity_instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "capacity_instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "capacity_rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaId = table.Column<int>(type: "integer", nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    Title_En = table.Column<string>(type: "text", nullable: true),
                    Title_Es = table.Column<string>(type: "text", nullable: true),
                    Title_Fr = table.Column<string>(type: "text", nullable: true),
                    Title_Official = table.Column<string>(type: "text", nullable: true),
                    Title_Pt = table.Column<string>(type: "text", nullable: true),
                    Title_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_rounds_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_capacity_rounds_capacity_instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "capacity_instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "capacity_levels",
                columns: table => new
                {
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    Descriptor_En = table.Column<string>(type: "text", nullable: true),
                    Descriptor_Es = table.Column<string>(type: "text", nullable: true),
                    Descriptor_Fr = table.Column<string>(type: "text", nullable: true),
                    Descriptor_Official = table.Column<string>(type: "text", nullable: true),
                    Descriptor_Pt = table.Column<string>(type: "text", nullable: true),
                    Descriptor_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_levels", x => new { x.QuestionId, x.Value });
                    table.ForeignKey(
                        name: "FK_capacity_levels_capacity_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "capacity_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "capacity_assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    CountryId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Publicity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_assessments_capacity_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "capacity_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_capacity_assessments_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "capacity_answers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredByPersonId = table.Column<int>(type: "integer", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_answers_capacity_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "capacity_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_capacity_answers_capacity_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "capacity_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_capacity_answers_people_AnsweredByPersonId",
                        column: x => x.AnsweredByPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "capacity_assessment_transitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByPersonId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_assessment_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_assessment_transitions_capacity_assessments_Assess~",
                        column: x => x.AssessmentId,
                        principalTable: "capacity_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_capacity_assessment_transitions_people_ByPersonId",
                        column: x => x.ByPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_capacity_answers_AnsweredByPersonId",
                table: "capacity_answers",
                column: "AnsweredByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_answers_AssessmentId_QuestionId",
                table: "capacity_answers",
                columns: new[] { "AssessmentId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_capacity_answers_QuestionId",
                table: "capacity_answers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_assessment_transitions_AssessmentId",
                table: "capacity_assessment_transitions",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_assessment_transitions_ByPersonId",
                table: "capacity_assessment_transitions",
                column: "ByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_assessments_CountryId",
                table: "capacity_assessments",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_assessments_RoundId_CountryId",
                table: "capacity_assessments",
                columns: new[] { "RoundId", "CountryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_capacity_instruments_AgendaId_Number",
                table: "capacity_instruments",
                columns: new[] { "AgendaId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_capacity_questions_AreaId",
                table: "capacity_questions",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_questions_InstrumentId",
                table: "capacity_questions",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_rounds_AgendaId",
                table: "capacity_rounds",
                column: "AgendaId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_rounds_InstrumentId",
                table: "capacity_rounds",
                column: "InstrumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capacity_answers");

            migrationBuilder.DropTable(
                name: "capacity_assessment_transitions");

            migrationBuilder.DropTable(
                name: "capacity_levels");

            migrationBuilder.DropTable(
                name: "capacity_assessments");

            migrationBuilder.DropTable(
                name: "capacity_questions");

            migrationBuilder.DropTable(
                name: "capacity_rounds");

            migrationBuilder.DropTable(
                name: "capacity_instruments");
        }
    }
}
