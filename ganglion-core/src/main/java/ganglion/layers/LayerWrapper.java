package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;

import java.util.ArrayList;
import java.util.List;

/**
 * The base of Keras's layer wrappers ({@code keras.layers.Wrapper}: TimeDistributed, Bidirectional): the
 * wrapper owns no weights of its own and exposes those of the wrapped layer(s), in their order, for
 * training, {@code getWeights}/{@code setWeights}, freezing and regularization.
 */
public abstract class LayerWrapper extends Layer {

    /** The wrapped layers, in weight order. */
    abstract List<Layer> wrapped();

    @Override
    public List<Variable> variables() {
        List<Variable> r = new ArrayList<>();
        for (Layer l : wrapped()) {
            r.addAll(l.variables());
        }
        return r;
    }

    @Override
    public List<Variable> trainableVariables() {
        List<Variable> r = new ArrayList<>();
        if (!isTrainable()) {
            return r;
        }
        for (Layer l : wrapped()) {
            r.addAll(l.trainableVariables());
        }
        return r;
    }

    @Override
    public List<Variable> nonTrainableVariables() {
        List<Variable> r = new ArrayList<>();
        for (Layer l : wrapped()) {
            r.addAll(isTrainable() ? l.nonTrainableVariables() : l.variables());
        }
        return r;
    }

    @Override
    public long countParams() {
        long n = 0;
        for (Layer l : wrapped()) {
            n += l.countParams();
        }
        return n;
    }

    @Override
    public void setTrainable(boolean trainable) {
        super.setTrainable(trainable);
        for (Layer l : wrapped()) {
            l.setTrainable(trainable);
        }
    }

    @Override
    public Tensor regularizationLoss() {
        Tensor total = super.regularizationLoss();
        if (!isTrainable()) {
            return total;
        }
        for (Layer l : wrapped()) {
            Tensor p = l.regularizationLoss();
            if (p != null) {
                total = total == null ? p : total.add(p);
            }
        }
        return total;
    }
}
