// Sigma programs upload their vertex array to the GPU on every frame (bufferData in Program#bindProgram), even when
// only the camera moved. This wrapper uploads it only after items were (re)processed: a camera frame then sends
// nothing, a frame after a hover or a filter sends the array once. (At 10k nodes and 18k edges the arrays are ~8 MB.)
import type { ProgramAttributeSpecification, ProgramInfo } from 'sigma/rendering';

interface Uploading {
  ATTRIBUTES: ProgramAttributeSpecification[];
  isInstanced: boolean;
  process(...args: never[]): void;
  reallocate(capacity: number): void;
  bindProgram(program: ProgramInfo): void;
  bindAttribute(attr: ProgramAttributeSpecification, program: ProgramInfo, offset: number, setDivisor?: boolean): number;
}

export function uploadOnChange<C extends abstract new (...args: never[]) => object>(Base: C): C {
  abstract class UploadOnChange extends (Base as unknown as new (...args: never[]) => Uploading) {
    private version = 0;
    /** Version of the array each GPU buffer (normal, picking) holds. */
    private uploaded = new Map<ProgramInfo, number>();

    process(...args: never[]): void {
      this.version++;
      super.process(...args);
    }

    reallocate(capacity: number): void {
      this.version++;
      super.reallocate(capacity);
    }

    bindProgram(program: ProgramInfo): void {
      if (this.isInstanced || this.uploaded.get(program) !== this.version) {
        super.bindProgram(program);
        this.uploaded.set(program, this.version);
        return;
      }
      // Same as Program#bindProgram for plain programs, without bufferData: the buffer already holds this array.
      const { gl, buffer } = program;
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      let offset = 0;
      for (const attr of this.ATTRIBUTES) offset += this.bindAttribute(attr, program, offset);
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
    }
  }
  return UploadOnChange as unknown as C;
}
