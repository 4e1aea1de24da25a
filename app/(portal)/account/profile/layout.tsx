import { permissionLayout } from '@/components/permission-layout';

export default permissionLayout('profile');
