using Actors.Prediction.Configuration;
using Actors.Prediction.Inference;
using Actors.Prediction.Jobs;
using SkiaSharp;

namespace Actors.Prediction.Tests.Jobs;

public sealed class ModelLoadTests : PredictionTestKit
{
    [Fact]
    public void Load_MissingFile_SaysHowToGetTheModels()
    {
        var e = Assert.Throws<ModelLoadException>(() => ModelRunner.Load(ModelPath("nowhere.onnx"), new SessionThreadOptions(), "'x'"));
        Assert.Contains("fetch-models.sh", e.Message, StringComparison.Ordinal);
        Assert.Contains("nowhere.onnx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GarbageBytes_TypedLoadFailure()
    {
        var e = Assert.Throws<ModelLoadException>(() => ModelRunner.Load(ModelPath("garbage.onnx"), new SessionThreadOptions(), "'x'"));
        Assert.Contains("not a valid ONNX model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_GarbageFile_FailsToStart_RecordsWhy_WhileAnotherModelServes()
    {
        var options = Options();
        options.Models["garbage"] = Tiny("garbage", ModelPath("garbage.onnx"));
        var store = new PredictionJobStore(10);
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => Model(options, "garbage", store));
        Assert.Contains("not a valid ONNX model", store.LoadErrors["garbage"], StringComparison.Ordinal);
        IActorRef good = Model(options, "tiny", store);
        good.Tell(Request(SolidImage(8, 8, SKColors.Red)));
        ExpectMsg<PredictionSucceeded>();
    }
}
