/**
 * Derived equation systems to bytecode: {@link cumulus.codegen.JavaEmitter} writes the right-hand
 * side as Java source (complex coefficients as real pairs, parameter factors folded, shared
 * subexpressions hoisted, methods of at most ~200 statements so that HotSpot JIT-compiles them),
 * {@link cumulus.codegen.RhsCompiler} compiles it with Janino and caches the class.
 *
 * <p>May import: {@code cumulus.api}, Janino.
 */
package cumulus.codegen;
