#!/usr/bin/python3
# Builds the small fixed-weight ONNX models the tests use (Debian's python3-onnx: apt-get install -y python3-onnx;
# run with /usr/bin/python3). Outputs are exact functions of the input, so tests know them:
#   tiny_classifier.onnx  x[N,3,H,W] -> y[N,2] = mean over H,W of each channel, times W=[[1,0],[0,1],[0,0]] + b=[0,0.5]
#                         i.e. y0 = mean(R), y1 = mean(G) + 0.5 (inputs normalized as configured)
#   fixed_4x4.onnx        same graph but the input is fixed to [1,3,4,4] (a wrong shape for 48x192 jobs)
#   rank2.onnx            x[1,12] -> y[1,2] (a wrong rank for image jobs)
#   tiny_heatmap.onnx     x[1,3,H,W] -> y[1,1,H,W] = sigmoid(mean over channels)
import os
import numpy as np
import onnx
from onnx import helper, TensorProto, numpy_helper

here = os.path.dirname(os.path.abspath(__file__))

def save(graph, name):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="actors-tests")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(here, name))

def classifier(shape, name):
    w = numpy_helper.from_array(np.array([[1, 0], [0, 1], [0, 0]], dtype=np.float32), "W")
    b = numpy_helper.from_array(np.array([0, 0.5], dtype=np.float32), "B")
    nodes = [
        helper.make_node("ReduceMean", ["x"], ["m"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["m", "W"], ["mw"]),
        helper.make_node("Add", ["mw", "B"], ["y"]),
    ]
    g = helper.make_graph(nodes, "classifier",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])], [w, b])
    save(g, name)

classifier(["N", 3, "H", "W"], "tiny_classifier.onnx")
classifier([1, 3, 4, 4], "fixed_4x4.onnx")

w2 = numpy_helper.from_array(np.ones((12, 2), dtype=np.float32), "W")
g = helper.make_graph([helper.make_node("MatMul", ["x", "W"], ["y"])], "rank2",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 12])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2])], [w2])
save(g, "rank2.onnx")

g = helper.make_graph([
        helper.make_node("ReduceMean", ["x"], ["m"], axes=[1], keepdims=1),
        helper.make_node("Sigmoid", ["m"], ["y"]),
    ], "heatmap",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, "H", "W"])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 1, "H", "W"])])
save(g, "tiny_heatmap.onnx")
