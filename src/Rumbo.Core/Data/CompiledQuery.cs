using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Rumbo.Core.Data;

/// <summary>
/// A query EF Core compiles once per model rather than on every call (decision 0018): a page's reader skips building
/// the query's expression tree and matching it in the query cache, half of each short query's cost. EF Core binds a
/// compiled query to the first model it runs on; one application has one, but the tests run SQLite and PostgreSQL
/// side by side, so each model gets its own compilation.
/// </summary>
/// <example><c>static readonly CompiledQuery&lt;Func&lt;RumboDbContext, int, IAsyncEnumerable&lt;T&gt;&gt;&gt; ById = new(() =&gt; EF.CompileAsyncQuery(...));</c>
/// then <c>ById.For(db)(db, id)</c>.</example>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConditionalWeakTable<IModel, TQuery> byModel = [];

    public TQuery For(DbContext db) => byModel.GetValue(db.Model, _ => compile());
}
