using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoadMaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "capacity_activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Providers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HostCountryId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsExample = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome_En = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome_Official = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome_Source = table.Column<string>(type: "TEXT", nullable: false),
                    Topic_En = table.Column<string>(type: "TEXT", nullable: true),
                    Topic_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Topic_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Topic_Official = table.Column<string>(type: "TEXT", nullable: true),
                    Topic_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Topic_Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_activities_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_capacity_activities_countries_HostCountryId",
                        column: x => x.HostCountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "road_maps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsExample = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary_En = table.Column<string>(type: "TEXT", nullable: true),
                    Summary_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Summary_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Summary_Official = table.Column<string>(type: "TEXT", nullable: true),
                    Summary_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Summary_Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_road_maps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_road_maps_agendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "agendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_road_maps_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "capacity_participants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CapacityActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_participants_capacity_activities_CapacityActivityId",
                        column: x => x.CapacityActivityId,
                        principalTable: "capacity_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_capacity_participants_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "capacity_actions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoadMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BaselineScore = table.Column<int>(type: "INTEGER", nullable: true),
                    BaselineRound = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TargetScore = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponsibleInstitution = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ManualPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Official = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Source = table.Column<string>(type: "TEXT", nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Official = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_actions_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_capacity_actions_road_maps_RoadMapId",
                        column: x => x.RoadMapId,
                        principalTable: "road_maps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "road_map_transitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoadMapId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByPersonId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_road_map_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_road_map_transitions_people_ByPersonId",
                        column: x => x.ByPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_road_map_transitions_road_maps_RoadMapId",
                        column: x => x.RoadMapId,
                        principalTable: "road_maps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "capacity_action_lines",
                columns: table => new
                {
                    CapacityActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineOfActionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_action_lines", x => new { x.CapacityActionId, x.LineOfActionId });
                    table.ForeignKey(
                        name: "FK_capacity_action_lines_capacity_actions_CapacityActionId",
                        column: x => x.CapacityActionId,
                        principalTable: "capacity_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_capacity_action_lines_lines_of_action_LineOfActionId",
                        column: x => x.LineOfActionId,
                        principalTable: "lines_of_action",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "capacity_activity_actions",
                columns: table => new
                {
                    CapacityActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CapacityActionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_activity_actions", x => new { x.CapacityActivityId, x.CapacityActionId });
                    table.ForeignKey(
                        name: "FK_capacity_activity_actions_capacity_actions_CapacityActionId",
                        column: x => x.CapacityActionId,
                        principalTable: "capacity_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_capacity_activity_actions_capacity_activities_CapacityActivityId",
                        column: x => x.CapacityActivityId,
                        principalTable: "capacity_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "capacity_milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CapacityActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Official = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capacity_milestones_capacity_actions_CapacityActionId",
                        column: x => x.CapacityActionId,
                        principalTable: "capacity_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_capacity_action_lines_LineOfActionId",
                table: "capacity_action_lines",
                column: "LineOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_actions_AreaId",
                table: "capacity_actions",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_actions_RoadMapId",
                table: "capacity_actions",
                column: "RoadMapId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_activities_AgendaId_StartOn",
                table: "capacity_activities",
                columns: new[] { "AgendaId", "StartOn" });

            migrationBuilder.CreateIndex(
                name: "IX_capacity_activities_HostCountryId",
                table: "capacity_activities",
                column: "HostCountryId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_activity_actions_CapacityActionId",
                table: "capacity_activity_actions",
                column: "CapacityActionId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_milestones_CapacityActionId",
                table: "capacity_milestones",
                column: "CapacityActionId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_participants_CapacityActivityId",
                table: "capacity_participants",
                column: "CapacityActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_capacity_participants_CountryId",
                table: "capacity_participants",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_road_map_transitions_ByPersonId",
                table: "road_map_transitions",
                column: "ByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_road_map_transitions_RoadMapId",
                table: "road_map_transitions",
                column: "RoadMapId");

            migrationBuilder.CreateIndex(
                name: "IX_road_maps_AgendaId_CountryId",
                table: "road_maps",
                columns: new[] { "AgendaId", "CountryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_road_maps_CountryId",
                table: "road_maps",
                column: "CountryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capacity_action_lines");

            migrationBuilder.DropTable(
                name: "capacity_activity_actions");

            migrationBuilder.DropTable(
                name: "capacity_milestones");

            migrationBuilder.DropTable(
                name: "capacity_participants");

            migrationBuilder.DropTable(
                name: "road_map_transitions");

            migrationBuilder.DropTable(
                name: "capacity_actions");

            migrationBuilder.DropTable(
                name: "capacity_activities");

            migrationBuilder.DropTable(
                name: "road_maps");
        }
    }
}
