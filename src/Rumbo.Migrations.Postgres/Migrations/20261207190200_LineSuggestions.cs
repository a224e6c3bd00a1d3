using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LineSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policy_line_rejections",
                columns: table => new
                {
                    PolicyId = table.Column<int>(type: "integer", nullable: false),
                    LineOfActionId = table.Column<int>(type: "integer", nullable: false),
                    ByPersonId = table.Column<int>(type: "integer", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_line_rejections", x => new { x.PolicyId, x.LineOfActionId });
                    table.ForeignKey(
                        name: "FK_policy_line_rejections_lines_of_action_LineOfActionId",
                        column: x => x.LineOfActionId,
                        principalTable: "lines_of_action",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policy_line_rejections_people_ByPersonId",
                        column: x => x.ByPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_policy_line_rejections_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_policy_line_rejections_ByPersonId",
                table: "policy_line_rejections",
                column: "ByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_line_rejections_LineOfActionId",
                table: "policy_line_rejections",
                column: "LineOfActionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policy_line_rejections");
        }
    }
}
