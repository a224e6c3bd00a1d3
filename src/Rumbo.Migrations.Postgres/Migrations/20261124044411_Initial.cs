using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agendas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Symbol = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceDocument = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    OriginalLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AdoptingBody_En = table.Column<string>(type: "text", nullable: true),
                    AdoptingBody_Es = table.Column<string>(type: "text", nullable: true),
                    AdoptingBody_Fr = table.Column<string>(type: "text", nullable: true),
                    AdoptingBody_Pt = table.Column<string>(type: "text", nullable: true),
                    AdoptingBody_Source = table.Column<string>(type: "text", nullable: false),
                    AreaLevelName_En = table.Column<string>(type: "text", nullable: true),
                    AreaLevelName_Es = table.Column<string>(type: "text", nullable: true),
                    AreaLevelName_Fr = table.Column<string>(type: "text", nullable: true),
                    AreaLevelName_Pt = table.Column<string>(type: "text", nullable: true),
                    AreaLevelName_Source = table.Column<string>(type: "text", nullable: false),
                    Description_En = table.Column<string>(type: "text", nullable: true),
                    Description_Es = table.Column<string>(type: "text", nullable: true),
                    Description_Fr = table.Column<string>(type: "text", nullable: true),
                    Description_Pt = table.Column<string>(type: "text", nullable: true),
                    Description_Source = table.Column<string>(type: "text", nullable: false),
                    FollowUpMechanism_En = table.Column<string>(type: "text", nullable: true),
                    FollowUpMechanism_Es = table.Column<string>(type: "text", nullable: true),
                    FollowUpMechanism_Fr = table.Column<string>(type: "text", nullable: true),
                    FollowUpMechanism_Pt = table.Column<string>(type: "text", nullable: true),
                    FollowUpMechanism_Source = table.Column<string>(type: "text", nullable: false),
                    Meeting_En = table.Column<string>(type: "text", nullable: true),
                    Meeting_Es = table.Column<string>(type: "text", nullable: true),
                    Meeting_Fr = table.Column<string>(type: "text", nullable: true),
                    Meeting_Pt = table.Column<string>(type: "text", nullable: true),
                    Meeting_Source = table.Column<string>(type: "text", nullable: false),
                    Title_En = table.Column<string>(type: "text", nullable: true),
                    Title_Es = table.Column<string>(type: "text", nullable: true),
                    Title_Fr = table.Column<string>(type: "text", nullable: true),
                    Title_Pt = table.Column<string>(type: "text", nullable: true),
                    Title_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agendas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "areas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title_En = table.Column<string>(type: "text", nullable: true),
                    Title_Es = table.Column<string>(type: "text", nullable: true),
                    Title_Fr = table.Column<string>(type: "text", nullable: true),
                    Title_Pt = table.Column<string>(type: "text", nullable: true),
                    Title_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_areas_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "principles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text_En = table.Column<string>(type: "text", nullable: true),
                    Text_Es = table.Column<string>(type: "text", nullable: true),
                    Text_Fr = table.Column<string>(type: "text", nullable: true),
                    Text_Pt = table.Column<string>(type: "text", nullable: true),
                    Text_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_principles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_principles_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strategic_objectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text_En = table.Column<string>(type: "text", nullable: true),
                    Text_Es = table.Column<string>(type: "text", nullable: true),
                    Text_Fr = table.Column<string>(type: "text", nullable: true),
                    Text_Pt = table.Column<string>(type: "text", nullable: true),
                    Text_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategic_objectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_strategic_objectives_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_strategic_objectives_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lines_of_action",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgendaId = table.Column<int>(type: "integer", nullable: false),
                    ObjectiveId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text_En = table.Column<string>(type: "text", nullable: true),
                    Text_Es = table.Column<string>(type: "text", nullable: true),
                    Text_Fr = table.Column<string>(type: "text", nullable: true),
                    Text_Pt = table.Column<string>(type: "text", nullable: true),
                    Text_Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lines_of_action", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lines_of_action_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_lines_of_action_strategic_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "strategic_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agendas_Slug",
                table: "agendas",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agendas_Symbol",
                table: "agendas",
                column: "Symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_areas_AgendaId_Code",
                table: "areas",
                columns: new[] { "AgendaId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lines_of_action_AgendaId_Code",
                table: "lines_of_action",
                columns: new[] { "AgendaId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lines_of_action_ObjectiveId",
                table: "lines_of_action",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_principles_AgendaId_Number",
                table: "principles",
                columns: new[] { "AgendaId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_strategic_objectives_AgendaId_Code",
                table: "strategic_objectives",
                columns: new[] { "AgendaId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_strategic_objectives_AreaId",
                table: "strategic_objectives",
                column: "AreaId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lines_of_action");

            migrationBuilder.DropTable(
                name: "principles");

            migrationBuilder.DropTable(
                name: "strategic_objectives");

            migrationBuilder.DropTable(
                name: "areas");

            migrationBuilder.DropTable(
                name: "agendas");
        }
    }
}
