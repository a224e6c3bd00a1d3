using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfficialTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description_Official",
                table: "work_plans",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title_Official",
                table: "work_plans",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text_Official",
                table: "strategic_objectives",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title_Official",
                table: "reporting_rounds",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text_Official",
                table: "principles",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description_Official",
                table: "plan_activities",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title_Official",
                table: "plan_activities",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description_Official",
                table: "meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title_Official",
                table: "meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description_Official",
                table: "meeting_items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title_Official",
                table: "meeting_items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text_Official",
                table: "lines_of_action",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name_Official",
                table: "institutions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Definition_Official",
                table: "indicator_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Method_Official",
                table: "indicator_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source_Official",
                table: "indicator_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title_Official",
                table: "indicator_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mandate_Official",
                table: "groups",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name_Official",
                table: "groups",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name_Official",
                table: "countries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title_Official",
                table: "areas",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text_Official",
                table: "agreements",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdoptingBody_Official",
                table: "agendas",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AreaLevelName_Official",
                table: "agendas",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description_Official",
                table: "agendas",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpMechanism_Official",
                table: "agendas",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Meeting_Official",
                table: "agendas",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title_Official",
                table: "agendas",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Description_Official",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "Title_Official",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "Text_Official",
                table: "strategic_objectives");

            migrationBuilder.DropColumn(
                name: "Title_Official",
                table: "reporting_rounds");

            migrationBuilder.DropColumn(
                name: "Text_Official",
                table: "principles");

            migrationBuilder.DropColumn(
                name: "Description_Official",
                table: "plan_activities");

            migrationBuilder.DropColumn(
                name: "Title_Official",
                table: "plan_activities");

            migrationBuilder.DropColumn(
                name: "Description_Official",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "Title_Official",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "Description_Official",
                table: "meeting_items");

            migrationBuilder.DropColumn(
                name: "Title_Official",
                table: "meeting_items");

            migrationBuilder.DropColumn(
                name: "Text_Official",
                table: "lines_of_action");

            migrationBuilder.DropColumn(
                name: "Name_Official",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "Definition_Official",
                table: "indicator_versions");

            migrationBuilder.DropColumn(
                name: "Method_Official",
                table: "indicator_versions");

            migrationBuilder.DropColumn(
                name: "Source_Official",
                table: "indicator_versions");

            migrationBuilder.DropColumn(
                name: "Title_Official",
                table: "indicator_versions");

            migrationBuilder.DropColumn(
                name: "Mandate_Official",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "Name_Official",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "Name_Official",
                table: "countries");

            migrationBuilder.DropColumn(
                name: "Title_Official",
                table: "areas");

            migrationBuilder.DropColumn(
                name: "Text_Official",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "AdoptingBody_Official",
                table: "agendas");

            migrationBuilder.DropColumn(
                name: "AreaLevelName_Official",
                table: "agendas");

            migrationBuilder.DropColumn(
                name: "Description_Official",
                table: "agendas");

            migrationBuilder.DropColumn(
                name: "FollowUpMechanism_Official",
                table: "agendas");

            migrationBuilder.DropColumn(
                name: "Meeting_Official",
                table: "agendas");

            migrationBuilder.DropColumn(
                name: "Title_Official",
                table: "agendas");
        }
    }
}
