using Mera.Core.Data;
using Mera.Web;
using Mera.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var settings = DbSettings.Resolve(builder.Configuration.GetConnectionString("Mera") ?? builder.Configuration["MERA_DB"],
    builder.Configuration["MERA_DB_PROVIDER"]);
builder.Services.AddMera(settings);

var app = builder.Build();
await Startup.PrepareDatabaseAsync(app.Services, app.Logger);
app.UseMera();
app.Run();
