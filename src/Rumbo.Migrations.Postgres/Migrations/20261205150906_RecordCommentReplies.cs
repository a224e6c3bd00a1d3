using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecordCommentReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ParentId",
                table: "record_comments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAtUtc",
                table: "record_comments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResolvedByPersonId",
                table: "record_comments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_record_comments_ParentId",
                table: "record_comments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_record_comments_ResolvedByPersonId",
                table: "record_comments",
                column: "ResolvedByPersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_record_comments_people_ResolvedByPersonId",
                table: "record_comments",
                column: "ResolvedByPersonId",
                principalTable: "people",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_record_comments_record_comments_ParentId",
                table: "record_comments",
                column: "ParentId",
                principalTable: "record_comments",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_record_comments_people_ResolvedByPersonId",
                table: "record_comments");

            migrationBuilder.DropForeignKey(
                name: "FK_record_comments_record_comments_ParentId",
                table: "record_comments");

            migrationBuilder.DropIndex(
                name: "IX_record_comments_ParentId",
                table: "record_comments");

            migrationBuilder.DropIndex(
                name: "IX_record_comments_ResolvedByPersonId",
                table: "record_comments");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "record_comments");

            migrationBuilder.DropColumn(
                name: "ResolvedAtUtc",
                table: "record_comments");

            migrationBuilder.DropColumn(
                name: "ResolvedByPersonId",
                table: "record_comments");
        }
    }
}
