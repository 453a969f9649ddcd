using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Mera.Web.Api;

/// <summary>
/// Every API answer of 400 and above is RFC 7807 problem details in Russian (`title`, `detail`, `status`, and the
/// trace id to quote to support): the errors Core raises are worded by <see cref="Infrastructure.AccessErrors"/>; this
/// middleware words the rest — a body that is not JSON, a missing parameter, a denied or unknown address, a server
/// fault — so a script never receives an HTML error page or an empty answer. Minimal APIs throw on a bad request
/// (RouteHandlerOptions.ThrowOnBadRequest) so that the reason reaches this middleware and is said in Russian.
/// </summary>
public sealed class ApiProblems(RequestDelegate next, ILogger<ApiProblems> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
            {
                // A report link without its period: the site's «bad request» page, not a server error.
                context.Response.StatusCode = bad.StatusCode;
            }
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, bad.StatusCode, BadRequestDetail(bad));
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            log.LogError(ex, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError,
                "Запрос не выполнен из-за ошибки на сервере; ничего не изменено. Сообщите администратору номер запроса из поля traceId");
            return;
        }
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null && response.ContentLength is null)
        {
            await WriteAsync(context, response.StatusCode, null);
        }
    }

    /// <summary>Writes problem details; <paramref name="extensions"/> carry machine-readable parts (field errors, counts).</summary>
    public static Task WriteAsync(HttpContext context, int status, string? detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = "about:blank", ["title"] = Title(status), ["status"] = status,
            ["detail"] = detail ?? DefaultDetail(status), ["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            body[key] = value;
        }
        context.Response.Clear();
        context.Response.StatusCode = status;
        // The status-code pages of the site must not replace the answer with the HTML error page.
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        return context.Response.WriteAsJsonAsync(body, JsonOptions, "application/problem+json; charset=utf-8");
    }

    /// <summary>Problem details for a refused batch write: the result's own fields (written, errors …) beside them.</summary>
    public static IResult Batch(int status, string detail, object result) => new BatchProblem(status, detail, result);

    private sealed class BatchProblem(int status, string detail, object result) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var fields = JsonSerializer.SerializeToElement(result, JsonOptions).EnumerateObject()
                .ToDictionary(p => p.Name, p => (object?)p.Value);
            return WriteAsync(context, status, detail, fields);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string Title(int status) => status switch
    {
        400 => "Ошибка в запросе",
        401 => "Требуется вход",
        403 => "Нет прав",
        404 => "Не найдено",
        405 => "Метод не поддерживается",
        409 => "Действие отклонено",
        413 => "Слишком большой запрос",
        415 => "Неподдерживаемый формат",
        429 => "Слишком много запросов",
        >= 500 => "Ошибка сервера",
        _ => "Запрос не выполнен",
    };

    private static string DefaultDetail(int status) => status switch
    {
        401 => "Войдите в Mera или передайте личный ключ доступа в заголовке Authorization: Bearer mera_…",
        403 => "Вашей учётной записи это действие или эта организация недоступны",
        404 => "Такого адреса в API нет; список адресов — /openapi/v1.json",
        405 => "Этот адрес не принимает такой метод запроса; список адресов — /openapi/v1.json",
        415 => "Тело запроса должно быть в формате JSON (Content-Type: application/json)",
        _ => "Запрос не выполнен",
    };

    /// <summary>What was wrong with the request itself, in words: unreadable JSON (with where), a missing parameter.</summary>
    private static string BadRequestDetail(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var where = json.LineNumber is { } line ? $" (строка {line + 1}, позиция {json.BytePositionInLine + 1}{(string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $", поле {json.Path}")})" : "";
            return $"Тело запроса не прочитано как JSON{where}: ожидается массив значений вида "
                + "[{\"org\": …, \"element\": …, \"period\": …, \"value\": …}]";
        }
        var missing = System.Text.RegularExpressions.Regex.Match(bad.Message, "Required parameter \"\\S+ (\\w+)\"");
        if (missing.Success)
        {
            return $"Не указан обязательный параметр «{missing.Groups[1].Value}»";
        }
        var invalid = System.Text.RegularExpressions.Regex.Match(bad.Message, "Failed to bind parameter \"\\S+ (\\w+)\" from \"([^\"]*)\"");
        if (invalid.Success)
        {
            return $"Параметр «{invalid.Groups[1].Value}» имеет недопустимое значение «{invalid.Groups[2].Value}»";
        }
        return bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? DefaultDetail(415)
            : "Запрос не прочитан: проверьте параметры и тело запроса по описанию /openapi/v1.json";
    }
}
