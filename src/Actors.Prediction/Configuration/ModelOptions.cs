namespace Actors.Prediction.Configuration;

/// <summary>One model served by the <c>prediction</c> unit kind (instance id = <see cref="Name"/>), from <c>actors.prediction.models.&lt;name&gt;</c>.</summary>
public sealed class ModelOptions
{
    /// <summary>Creates the options of the model <paramref name="name"/>.</summary>
    /// <param name="name">The model's name: the unit instance id and the <c>model</c> of a request.</param>
    /// <param name="path">The ONNX file.</param>
    public ModelOptions(string name, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Name = name;
        Path = path;
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>The ONNX file (absolute, or relative to the application's base directory).</summary>
    public string Path { get; set; }

    /// <summary>The model's input width in pixels.</summary>
    /// <value>192.</value>
    public int InputWidth { get; set; } = 192;

    /// <summary>The model's input height in pixels.</summary>
    /// <value>48.</value>
    public int InputHeight { get; set; } = 48;

    /// <summary>The input normalization.</summary>
    /// <value><see cref="NormalizationKind.Paddle"/>.</value>
    public NormalizationKind Normalize { get; set; } = NormalizationKind.Paddle;

    /// <summary>How the image is resized to the input.</summary>
    /// <value><see cref="ResizeKind.Fit"/>.</value>
    public ResizeKind Resize { get; set; } = ResizeKind.Fit;

    /// <summary>The label of each output score, in order; missing labels are named <c>class-&lt;i&gt;</c>.</summary>
    public IReadOnlyList<string> Labels { get; set; } = [];

    /// <summary>Whether to apply softmax to the output.</summary>
    /// <value><see langword="false"/>.</value>
    public bool Softmax { get; set; }

    /// <summary>The model whose single-channel output map is drawn as the heatmap, or empty for none.</summary>
    /// <value>Empty.</value>
    public string HeatmapPath { get; set; } = string.Empty;

    /// <summary>The heatmap model's input normalization.</summary>
    /// <value><see cref="NormalizationKind.ImageNet"/>.</value>
    public NormalizationKind HeatmapNormalize { get; set; } = NormalizationKind.ImageNet;

    /// <summary>Resolves <paramref name="path"/> against the application's base directory when it is relative.</summary>
    /// <param name="path">A path from the options.</param>
    /// <returns>The full path.</returns>
    public static string Resolve(string path) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, path));
}
