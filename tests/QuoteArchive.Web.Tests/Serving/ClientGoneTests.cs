using Microsoft.AspNetCore.Http;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>A request its client gave up on is no server error; a cancellation the client did not cause still is.</summary>
public sealed class ClientGoneTests
{
    [Fact]
    public async Task ARequestWhoseClientLeftIsAnswered499NotAnError()
    {
        using var left = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = left.Token };

        await RequestLogging.AnswerClientsThatLeft(context, _ =>
        {
            left.Cancel();
            context.RequestAborted.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        });

        Assert.Equal(RequestLogging.ClientClosedRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task ACancellationTheClientDidNotCauseStillFails()
    {
        var context = new DefaultHttpContext();

        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            RequestLogging.AnswerClientsThatLeft(context, _ => Task.FromCanceled(new CancellationToken(canceled: true))));
    }
}
