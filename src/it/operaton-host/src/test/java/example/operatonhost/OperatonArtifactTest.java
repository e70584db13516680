package example.operatonhost;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.camundahil.bpmn.HilEnginePlugin;
import org.junit.jupiter.api.Test;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operaton jar is the plugin's bytecode with Camunda's packages relocated: nothing in it may still name Camunda's
 * engine, and every Operaton class, method and field it uses must exist in Operaton as this application has it.
 */
class OperatonArtifactTest {

	private final File jar = new File(HilEnginePlugin.class.getProtectionDomain().getCodeSource().getLocation().getPath());

	@Test
	void theJarIsTheOperatonArtifact() {
		assertThat(this.jar.getName()).endsWith("-operaton.jar");
	}

	@Test
	void noClassOrResourceNamesCamundasEngine() throws IOException {
		List<String> found = new ArrayList<>();
		try (ZipFile zip = new ZipFile(this.jar)) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				if (entry.isDirectory()) {
					continue;
				}
				String content;
				try (InputStream in = zip.getInputStream(entry)) {
					content = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
				}
				if (content.contains("org/camunda/bpm") || content.contains("org.camunda.bpm")
						|| content.contains("camunda.bpm.")) {
					found.add(entry.getName());
				}
			}
			assertThat(zip.getEntry("dev/camundahil/bpmn/HilEnginePlugin.class")).isNotNull();
			assertThat(zip.getEntry("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
				.isNotNull();
		}
		assertThat(found).isEmpty();
	}

	@Test
	void everyOperatonMemberTheJarUsesExists() throws IOException {
		List<String> missing = new ArrayList<>();
		ClassLoader loader = getClass().getClassLoader();
		try (ZipFile zip = new ZipFile(this.jar)) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				if (!entry.getName().endsWith(".class")) {
					continue;
				}
				try (InputStream in = zip.getInputStream(entry)) {
					new ClassReader(in).accept(new References(entry.getName(), loader, missing), ClassReader.SKIP_FRAMES);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/**
	 * Checks the Operaton types a class extends, names in annotations (as classes or class names) and creates, and
	 * the Operaton methods and fields it calls and reads, also those it calls on a plugin class that inherits them.
	 */
	private static final class References extends ClassVisitor {

		private final String className;

		private final ClassLoader loader;

		private final List<String> missing;

		References(String className, ClassLoader loader, List<String> missing) {
			super(Opcodes.ASM9);
			this.className = className;
			this.loader = loader;
			this.missing = missing;
		}

		@Override
		public void visit(int version, int access, String name, String signature, String superName,
				String[] interfaces) {
			check(superName, null, null, false);
			if (interfaces != null) {
				for (String type : interfaces) {
					check(type, null, null, false);
				}
			}
		}

		@Override
		public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
			return annotation(descriptor);
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			return new MethodVisitor(Opcodes.ASM9) {

				@Override
				public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
					return annotation(annotation);
				}

				@Override
				public void visitMethodInsn(int opcode, String owner, String member, String type, boolean itf) {
					check(owner, member, type, true);
				}

				@Override
				public void visitFieldInsn(int opcode, String owner, String member, String type) {
					check(owner, member, type, false);
				}

				@Override
				public void visitTypeInsn(int opcode, String type) {
					check(type, null, null, false);
				}

				@Override
				public void visitLdcInsn(Object value) {
					if (value instanceof Type type && type.getSort() == Type.OBJECT) {
						check(type.getInternalName(), null, null, false);
					}
				}

			};
		}

		private AnnotationVisitor annotation(String descriptor) {
			check(Type.getType(descriptor).getInternalName(), null, null, false);
			return new AnnotationVisitor(Opcodes.ASM9) {

				@Override
				public void visit(String name, Object value) {
					if (value instanceof Type type && type.getSort() == Type.OBJECT) {
						check(type.getInternalName(), null, null, false);
					}
					else if (value instanceof String text && text.startsWith("org.operaton.")) {
						check(text.replace('.', '/'), null, null, false);
					}
				}

				@Override
				public AnnotationVisitor visitArray(String name) {
					return this;
				}

				@Override
				public AnnotationVisitor visitAnnotation(String name, String nested) {
					return annotation(nested);
				}

			};
		}

		private void check(String owner, String member, String descriptor, boolean method) {
			if (owner == null) {
				return;
			}
			// a plugin class's own member that takes or gives Operaton types may be inherited from an Operaton class
			boolean inherited = owner.startsWith("dev/camundahil/") && member != null
					&& descriptor.contains("org/operaton/");
			if (!owner.startsWith("org/operaton/") && !inherited) {
				return;
			}
			String reference = this.className + " -> " + owner + ((member != null) ? "." + member + descriptor : "");
			try {
				Class<?> type = Class.forName(owner.replace('/', '.'), false, this.loader);
				if (member != null && !declares(type, member, descriptor, method)) {
					this.missing.add(reference);
				}
			}
			catch (ClassNotFoundException | LinkageError ex) {
				this.missing.add(reference + " (" + ex + ")");
			}
		}

		private static boolean declares(Class<?> type, String name, String descriptor, boolean method) {
			if (type == null) {
				return false;
			}
			if (method && name.equals("<init>")) {
				for (Constructor<?> constructor : type.getDeclaredConstructors()) {
					if (Type.getConstructorDescriptor(constructor).equals(descriptor)) {
						return true;
					}
				}
				return false;
			}
			if (method) {
				for (Method candidate : type.getDeclaredMethods()) {
					if (candidate.getName().equals(name) && Type.getMethodDescriptor(candidate).equals(descriptor)) {
						return true;
					}
				}
			}
			else {
				for (Field candidate : type.getDeclaredFields()) {
					if (candidate.getName().equals(name) && Type.getDescriptor(candidate.getType()).equals(descriptor)) {
						return true;
					}
				}
			}
			if (declares(type.getSuperclass(), name, descriptor, method)) {
				return true;
			}
			for (Class<?> contract : type.getInterfaces()) {
				if (declares(contract, name, descriptor, method)) {
					return true;
				}
			}
			return false;
		}

	}

}
