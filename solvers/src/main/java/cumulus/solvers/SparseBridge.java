package cumulus.solvers;

import cumulus.api.Complex;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.ejml.interfaces.linsol.LinearSolverSparse;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Access to the sparse direct solver and shift-invert eigensolver of package
 * {@code cumulus.solvers.sparse} (written separately: SparseLU.factor/solve and
 * ShiftInvertEigen.nearest), looked up reflectively so this module compiles with or without it;
 * falls back to EJML's sparse LU ({@code FillReducing.NONE}) and {@link ShiftInvertArnoldi}.
 */
public final class SparseBridge {
    private SparseBridge() { }

    /** A factored matrix: solve A x = b. */
    public interface Factorization {
        void solve(double[] b, double[] x);
        String name();
    }

    private static Class<?> find(String name) {
        if (Boolean.getBoolean("cumulus.exact.noSparsePackage")) return null;
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    public static Factorization factor(DMatrixSparseCSC a) {
        Class<?> c = find("cumulus.solvers.sparse.SparseLU");
        if (c != null) {
            try {
                Method f = c.getMethod("factor", DMatrixSparseCSC.class);
                Method s = c.getMethod("solve", double[].class, double[].class);
                Object lu = f.invoke(null, a);
                return new Factorization() {
                    public void solve(double[] b, double[] x) {
                        try {
                            s.invoke(lu, b, x);
                        } catch (ReflectiveOperationException e) {
                            throw unwrap(e);
                        }
                    }
                    public String name() { return "cumulus.solvers.sparse.SparseLU"; }
                };
            } catch (NoSuchMethodException | IllegalAccessException e) {
                // contract not met: fall back
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw unwrap(e);
            }
        }
        return ejmlLu(a);
    }

    /** EJML's up-looking sparse LU without fill reduction. */
    public static Factorization ejmlLu(DMatrixSparseCSC a) {
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        if (!lu.setA(a.copy())) throw new IllegalStateException("sparse LU failed (singular matrix?)");
        int n = a.numRows;
        return new Factorization() {
            public void solve(double[] b, double[] x) {
                DMatrixRMaj bb = DMatrixRMaj.wrap(n, 1, b.clone());
                DMatrixRMaj xx = new DMatrixRMaj(n, 1);
                lu.solve(bb, xx);
                System.arraycopy(xx.data, 0, x, 0, n);
            }
            public String name() { return "EJML sparse LU"; }
        };
    }

    /** Eigenvalues of a nearest sigma; null when the sparse package is absent. */
    @SuppressWarnings("unchecked")
    public static List<Complex> nearestFromPackage(DMatrixSparseCSC a, double sigma, int nev) {
        Class<?> c = find("cumulus.solvers.sparse.ShiftInvertEigen");
        if (c == null) return null;
        try {
            Method m = c.getMethod("nearest", DMatrixSparseCSC.class, double.class, int.class);
            return (List<Complex>) m.invoke(null, a, sigma, nev);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(ReflectiveOperationException e) {
        Throwable t = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
}
